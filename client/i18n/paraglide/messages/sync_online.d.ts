/**
* | output |
* | --- |
* | "Online" |
*
* @param {Sync_OnlineInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const sync_online: ((inputs?: Sync_OnlineInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Sync_OnlineInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Sync_OnlineInputs = {};
