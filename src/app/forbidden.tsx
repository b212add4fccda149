import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="signin">
      <div className="panel">
        <h1>You do not have access to this page</h1>
        <p className="muted">Your role does not include this area. Ask an admin if you need it.</p>
        <Link href="/">Back to your start page</Link>
      </div>
    </main>
  );
}
