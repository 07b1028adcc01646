/**
* | output |
* | --- |
* | "Not saved" |
*
* @param {Map_Lost_HeadingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_lost_heading: ((inputs?: Map_Lost_HeadingInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Lost_HeadingInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Lost_HeadingInputs = {};
