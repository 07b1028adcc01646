/**
* | output |
* | --- |
* | "Delete this card?" |
*
* @param {Map_Delete_ConfirmInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_delete_confirm: ((inputs?: Map_Delete_ConfirmInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Delete_ConfirmInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Delete_ConfirmInputs = {};
