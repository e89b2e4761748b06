import { describe, expect, it } from 'vitest';
import { formatTimecode } from '../../../web-components/src/console/oi-clip-editor.js';

describe('the clip editor\'s timecodes', () => {
  it('shows m:ss.t, and h:mm:ss.t past an hour', () => {
    expect(formatTimecode(0)).toBe('0:00.0');
    expect(formatTimecode(65.25)).toBe('1:05.3');
    expect(formatTimecode(3725.04)).toBe('1:02:05.0');
  });
});
