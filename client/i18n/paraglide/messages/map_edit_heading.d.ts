/**
* | output |
* | --- |
* | "Edit your card" |
*
* @param {Map_Edit_HeadingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_edit_heading: ((inputs?: Map_Edit_HeadingInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Edit_HeadingInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Edit_HeadingInputs = {};
