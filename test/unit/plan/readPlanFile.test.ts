import { describe, expect, it } from 'vitest';
import { decodeCsv, readPlanFile } from '../../../server/plan/readPlanFile.js';

describe('readPlanFile', () => {
  it('reads a CSV saved by Excel on Chinese Windows (GB18030) as well as UTF-8 with a BOM', async () => {
    // 序号,备注 in GB18030: 序 D0F2, 号 BAC5, 备 B1B8, 注 D7A2.
    expect(decodeCsv(Buffer.from([0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xb1, 0xb8, 0xd7, 0xa2]))).toBe('序号,备注');
    expect(decodeCsv(Buffer.from('\uFEFF序号,备注', 'utf8'))).toBe('序号,备注');
  });

  it('keeps every CSV cell as text, so 访谈时间 is not guessed as a date', async () => {
    const cells = await readPlanFile('csv', Buffer.from('序号,责任单位,访谈时间,访谈主题,备注\n1,县扶贫办,2018-05-15,扶贫,\n', 'utf8'));
    expect(cells[1]!.slice(0, 3)).toEqual(['1', '县扶贫办', '2018-05-15']);
  });
});
