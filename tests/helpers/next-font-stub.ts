// Jest stand-in for next/font/local, which only works inside the Next.js compiler.
export default function localFont() {
  return { className: '', variable: '', style: { fontFamily: 'sans-serif' } };
}
