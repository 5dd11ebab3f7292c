/** The patient has opened the video link and waits in the online lobby. */
export function WaitingOnlineBadge() {
  return (
    <span className="ui-badge" data-tone="ok" role="status">
      waiting online
    </span>
  );
}
