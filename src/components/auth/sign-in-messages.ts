/** One message per kind of failure; a wrong password and an unknown email read the same. */
export function signInErrorMessage(code: string): string {
  switch (code) {
    case "RateLimited":
      return "Too many failed sign-in attempts. Wait a few minutes and try again.";
    case "AccessDenied":
      return "Your account cannot sign in here. Ask an admin for access.";
    case "CredentialsSignin":
      return "Invalid email or password.";
    default:
      return "Sign-in failed. Try again.";
  }
}
