import { describe, expect, it } from 'vitest';
import { readPlanTable } from '../../../server/domain/plan/planTable.js';

const header = ['序号', '责任单位', '访谈时间', '访谈主题', '备注'];

describe('readPlanTable', () => {
  it('finds the header under the annex title and reads the rows with their row numbers', () => {
    const { rows, problems } = readPlanTable(
      [
        ['2018年太白县人民政府门户网站“在线访谈”栏目访谈计划'],
        ['序 号', '责任单位', '访谈时间', '访谈主题', '备注'],
        [1, '县扶贫办', '5月15日', '脱贫攻坚工作举措', null],
        [],
        ['4', '县旅发委\n（招商局）', '7月15日', '旅游产业发展宣传', ''],
      ],
      2018,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { sourceRow: 3, seq: 1, unitName: '县扶贫办', time: { kind: 'day', date: '2018-05-15' }, topic: '脱贫攻坚工作举措', remarks: '' },
      { sourceRow: 5, seq: 4, unitName: '县旅发委（招商局）', time: { kind: 'day', date: '2018-07-15' }, topic: '旅游产业发展宣传', remarks: '' },
    ]);
  });

  it('reports every row it cannot read, with the column and the reason', () => {
    const { rows, problems } = readPlanTable(
      [header, [1, '县教体局', '6月1日', '招生政策', ''], ['二', '', '2月30日', '', ''], [1, '残联', '8月31日', '惠民政策', '', '多余']],
      2018,
    );
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([
      { row: 3, column: '序号', reason: expect.stringContaining('"二"') },
      { row: 3, column: '责任单位', reason: expect.any(String) },
      { row: 3, column: '访谈主题', reason: expect.any(String) },
      { row: 3, column: '访谈时间', reason: expect.stringContaining('2月30日') },
      { row: 4, column: '序号', reason: expect.stringContaining('row 2') },
      { row: 4, column: null, reason: expect.stringContaining('after 备注') },
    ]);
  });

  it('refuses a file without the annex\'s header, or with its columns in another order', () => {
    expect(readPlanTable([['单位', '主题'], ['a', 'b']], 2018).problems).toEqual([{ row: 0, column: null, reason: expect.stringContaining('序号') }]);
    expect(readPlanTable([['序号', '访谈时间', '责任单位', '访谈主题', '备注']], 2018).problems[0]!.row).toBe(0);
    expect(readPlanTable([header], 2018).problems[0]!.reason).toMatch(/no rows/);
  });
});
