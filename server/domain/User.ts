/** admin manages users; staff run shows. Both may use the console. */
export type Role = 'admin' | 'staff';

/** A console user as the rest of the server sees it (never with the password hash). */
export interface User {
  id: string;
  username: string;
  role: Role;
  createdAt: Date;
}
