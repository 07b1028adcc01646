/**
* | output |
* | --- |
* | "This workshop no longer exists" |
*
* @param {Refused_Not_FoundInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const refused_not_found: ((inputs?: Refused_Not_FoundInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Refused_Not_FoundInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Refused_Not_FoundInputs = {};
