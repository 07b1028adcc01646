/**
* | output |
* | --- |
* | "Nothing yet. One practice per card works best." |
*
* @param {Map_Mine_EmptyInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_mine_empty: ((inputs?: Map_Mine_EmptyInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Mine_EmptyInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Mine_EmptyInputs = {};
