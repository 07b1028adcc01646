/**
* | output |
* | --- |
* | "Connecting…" |
*
* @param {Sync_ConnectingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const sync_connecting: ((inputs?: Sync_ConnectingInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Sync_ConnectingInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Sync_ConnectingInputs = {};
