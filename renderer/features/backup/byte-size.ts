/** A file or table size for people: KiB below a MiB, MiB with one decimal above. */
export const byteSize = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`);
