import type { DataSource } from 'typeorm';

/** Failed logins, by the username typed and the client's address: what login throttling counts. */
export class LoginFailureRepository {
  #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  async record(username: string, address: string, at: Date): Promise<void> {
    await this.#dataSource.query(`INSERT INTO login_failures (username, address, failed_at) VALUES ($1, $2, $3)`, [username, address, at]);
  }

  /**
   * The time of the `limit`-th most recent failure since `since` for the username (or the address), or null when
   * there are fewer: once that failure leaves the window, fewer than `limit` remain in it.
   */
  async nthLatest(by: 'username' | 'address', value: string, since: Date, limit: number): Promise<Date | null> {
    const column = by === 'username' ? 'username' : 'address';
    const rows: { failed_at: Date }[] = await this.#dataSource.query(
      `SELECT failed_at FROM login_failures WHERE ${column} = $1 AND failed_at > $2 ORDER BY failed_at DESC OFFSET $3 LIMIT 1`,
      [value, since, limit - 1],
    );
    return rows[0]?.failed_at ?? null;
  }

  /** After a successful login the account's count starts again (the address's does not). */
  async clearUsername(username: string): Promise<void> {
    await this.#dataSource.query(`DELETE FROM login_failures WHERE username = $1`, [username]);
  }

  async deleteBefore(before: Date): Promise<void> {
    await this.#dataSource.query(`DELETE FROM login_failures WHERE failed_at <= $1`, [before]);
  }
}
