/**
* | output |
* | --- |
* | "This link does not open the workshop" |
*
* @param {Refused_LinkInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const refused_link: ((inputs?: Refused_LinkInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Refused_LinkInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Refused_LinkInputs = {};
