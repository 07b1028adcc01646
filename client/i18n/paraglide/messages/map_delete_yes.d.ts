/**
* | output |
* | --- |
* | "Yes, delete" |
*
* @param {Map_Delete_YesInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_delete_yes: ((inputs?: Map_Delete_YesInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Delete_YesInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Delete_YesInputs = {};
