export function Card({ children, className = '' }: { children: React.ReactNode; className?: string }) {
  return <section className={`rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8 ${className}`}>{children}</section>;
}
