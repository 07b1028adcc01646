/**
* | output |
* | --- |
* | "Offline · reconnecting" |
*
* @param {Sync_OfflineInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const sync_offline: ((inputs?: Sync_OfflineInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Sync_OfflineInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Sync_OfflineInputs = {};
