/**
 * What a new or changed password must be (OWASP ASVS 2.1): at least 12 characters and at most 128 (long
 * passphrases welcome, any character), no composition rules, and not one everybody tries first. The list holds only
 * entries of 12 characters or more, as shorter ones are refused anyway.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON_PASSWORDS = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '111111111111', '000000000000', '123123123123',
  '123412341234', '1234567890qwe', '1234567890abc', '0123456789ab', 'qwertyuiop12', 'qwertyuiop123', 'qwerty123456',
  'qwerty1234567', 'qwertyuiopas', 'asdfghjkl123', 'zxcvbnm12345', 'zxcvbnm123456', '1q2w3e4r5t6y', '1qaz2wsx3edc',
  '1qaz2wsx3edc4rfv', 'qazwsxedcrfv', 'qaz123wsx456', 'password1234', 'password12345', 'password123456', 'passw0rd1234',
  'p@ssw0rd1234', 'p@ssword1234', 'admin1234567', 'admin12345678', 'admin123456789', 'administrator', 'administrator1',
  'administrator123', 'iloveyou1234', 'iloveyou123456', 'woaini131452', 'woaini1314520', '5201314520131', 'woaini520520',
  'abc123456789', 'abcd12345678', 'abcdefghijkl', 'abcdefg12345', 'a12345678901', 'aa1234567890', 'aaaaaaaaaaaa',
  'letmein12345', 'welcome12345', 'welcome123456', 'changeme1234', 'changeme12345', 'sunshine1234', 'football1234',
  'baseball1234', 'superman1234', 'trustno11234', 'monkey123456', 'dragon123456', 'zaixianfangtan', 'fangtan123456',
  'zhengfu123456', 'gov123456789', 'china1234567', 'zhongguo1234', 'beijing12345', 'shanghai1234', 'huawei123456',
]);

/** Why the password is refused (to go after "The password"), or null when it may be used. */
export function passwordProblem(password: string, username?: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters (a few words make a good one)`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'is one of the most common passwords; choose another';
  if (new Set(lower).size < 4) return 'repeats too few characters; choose another';
  if (username !== undefined && username.trim().length >= 3 && lower.includes(username.trim().toLowerCase())) {
    return 'must not contain the username';
  }
  return null;
}
