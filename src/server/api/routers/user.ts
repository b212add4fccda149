import { adminProcedure, createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { createUser } from "~/server/services/users/create-user";
import { listUsers } from "~/server/services/users/list-users";
import { setUserActive, setUserRole } from "~/server/services/users/update-user";
import { ZCreateUserInput, ZSetUserActiveInput, ZSetUserRoleInput } from "~/server/services/users/user-schemas";

export const userRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => ctx.user),
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  create: adminProcedure.input(ZCreateUserInput).mutation(({ ctx, input }) => createUser(ctx.db, ctx.user, input)),
  setRole: adminProcedure.input(ZSetUserRoleInput).mutation(({ ctx, input }) => setUserRole(ctx.db, ctx.user, input)),
  setActive: adminProcedure
    .input(ZSetUserActiveInput)
    .mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.user, input)),
});
