/** An arrow out of a tray, for importing a file; drawn like the icons in icons.tsx. */
export function UploadIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M12 15V3M7 8l5-5 5 5M4 20h16" />
    </svg>
  );
}
