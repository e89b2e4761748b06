/**
 * Picture size from an H.264 sequence parameter set (ITU-T H.264 §7.3.2.1.1), for the director's status: the
 * camera's resolution is in its SPS, which travels with every keyframe.
 */
export function h264SpsSize(nal: Buffer): { width: number; height: number } | undefined {
  try {
    const bits = new BitReader(unescape(nal.subarray(1)));
    const profileIdc = bits.read(8);
    bits.skip(16); // constraint flags, level_idc
    bits.ue(); // seq_parameter_set_id
    let chromaFormatIdc = 1;
    let separateColourPlane = 0;
    if ([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135].includes(profileIdc)) {
      chromaFormatIdc = bits.ue();
      if (chromaFormatIdc === 3) separateColourPlane = bits.read(1);
      bits.ue(); // bit_depth_luma_minus8
      bits.ue(); // bit_depth_chroma_minus8
      bits.skip(1); // qpprime_y_zero_transform_bypass_flag
      if (bits.read(1)) {
        for (let i = 0; i < (chromaFormatIdc === 3 ? 12 : 8); i++) {
          if (bits.read(1)) skipScalingList(bits, i < 6 ? 16 : 64);
        }
      }
    }
    bits.ue(); // log2_max_frame_num_minus4
    const pocType = bits.ue();
    if (pocType === 0) {
      bits.ue();
    } else if (pocType === 1) {
      bits.skip(1);
      bits.se();
      bits.se();
      const cycle = bits.ue();
      for (let i = 0; i < cycle; i++) bits.se();
    }
    bits.ue(); // max_num_ref_frames
    bits.skip(1); // gaps_in_frame_num_value_allowed_flag
    const widthInMbs = bits.ue() + 1;
    const heightInMapUnits = bits.ue() + 1;
    const frameMbsOnly = bits.read(1);
    if (!frameMbsOnly) bits.skip(1);
    bits.skip(1); // direct_8x8_inference_flag
    let crop = { left: 0, right: 0, top: 0, bottom: 0 };
    if (bits.read(1)) crop = { left: bits.ue(), right: bits.ue(), top: bits.ue(), bottom: bits.ue() };
    const chroma = separateColourPlane ? 0 : chromaFormatIdc;
    const cropUnitX = chroma === 0 ? 1 : chroma === 3 ? 1 : 2;
    const cropUnitY = (chroma === 1 ? 2 : 1) * (2 - frameMbsOnly);
    const width = widthInMbs * 16 - (crop.left + crop.right) * cropUnitX;
    const height = (2 - frameMbsOnly) * heightInMapUnits * 16 - (crop.top + crop.bottom) * cropUnitY;
    return width > 0 && height > 0 ? { width, height } : undefined;
  } catch {
    // A truncated SPS: the size stays unknown rather than wrong.
    return undefined;
  }
}

function skipScalingList(bits: BitReader, size: number): void {
  let last = 8;
  let next = 8;
  for (let j = 0; j < size; j++) {
    if (next !== 0) next = (last + bits.se() + 256) % 256;
    last = next === 0 ? last : next;
  }
}

/** Removes emulation-prevention bytes (00 00 03 → 00 00). */
function unescape(data: Buffer): Buffer {
  const out: number[] = [];
  let zeros = 0;
  for (const byte of data) {
    if (zeros >= 2 && byte === 3) {
      zeros = 0;
      continue;
    }
    zeros = byte === 0 ? zeros + 1 : 0;
    out.push(byte);
  }
  return Buffer.from(out);
}

class BitReader {
  #data: Buffer;
  #bit = 0;

  constructor(data: Buffer) {
    this.#data = data;
  }

  read(count: number): number {
    let value = 0;
    for (let i = 0; i < count; i++) {
      const byte = this.#data[this.#bit >> 3];
      if (byte === undefined) throw new RangeError('SPS ended early');
      value = value * 2 + ((byte >> (7 - (this.#bit & 7))) & 1);
      this.#bit++;
    }
    return value;
  }

  skip(count: number): void {
    this.read(count);
  }

  /** Unsigned Exp-Golomb. */
  ue(): number {
    let zeros = 0;
    while (this.read(1) === 0) {
      if (++zeros > 31) throw new RangeError('bad Exp-Golomb code');
    }
    return 2 ** zeros - 1 + this.read(zeros);
  }

  /** Signed Exp-Golomb. */
  se(): number {
    const k = this.ue();
    return k % 2 === 1 ? (k + 1) / 2 : -k / 2;
  }
}
