"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { CreateUserForm } from "./create-user-form";
import { ROLES } from "~/server/auth/roles";

/** Lists every user; an admin changes roles and deactivates or reactivates accounts in place. */
export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.user.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() });
  const setRole = useMutation(trpc.user.setRole.mutationOptions({ onSuccess: refresh }));
  const setActive = useMutation(trpc.user.setActive.mutationOptions({ onSuccess: refresh }));
  const error = setRole.error ?? setActive.error ?? users.error;

  return (
    <section>
      <CreateUserForm onCreated={refresh} />
      <h2>Users</h2>
      {error && (
        <p className="alert" role="alert">
          {error.message}
        </p>
      )}
      {users.isPending ? (
        <p className="muted">Loading users…</p>
      ) : (
        <table className="data" aria-label="Users">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Status</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {users.data?.map((user) => (
              <tr key={user.id} data-testid={`user-row-${user.email}`}>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>
                  <select
                    aria-label={`Role of ${user.email}`}
                    value={user.role}
                    disabled={setRole.isPending}
                    onChange={(event) =>
                      setRole.mutate({ userId: user.id, role: event.target.value as (typeof ROLES)[number] })
                    }
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <span className={user.active ? "badge" : "badge off"}>{user.active ? "active" : "deactivated"}</span>
                </td>
                <td>
                  {user.id !== currentUserId && (
                    <button
                      type="button"
                      className={user.active ? "button danger" : "button secondary"}
                      disabled={setActive.isPending}
                      onClick={() => setActive.mutate({ userId: user.id, active: !user.active })}
                    >
                      {user.active ? "Deactivate" : "Reactivate"}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
