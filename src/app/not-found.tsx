import Link from "next/link";

export default function NotFound() {
  return (
    <main className="signin">
      <div className="panel">
        <h1>Page not found</h1>
        <Link href="/">Back to your start page</Link>
      </div>
    </main>
  );
}
