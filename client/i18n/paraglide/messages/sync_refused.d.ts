/**
* | output |
* | --- |
* | "Not connected" |
*
* @param {Sync_RefusedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const sync_refused: ((inputs?: Sync_RefusedInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Sync_RefusedInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Sync_RefusedInputs = {};
