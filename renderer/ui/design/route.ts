/** The design page's address: #design (beside the bridge's token=… in browser mode). */
export const isDesignRoute = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).has('design');
