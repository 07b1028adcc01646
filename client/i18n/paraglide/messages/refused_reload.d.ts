/**
* | output |
* | --- |
* | "Reload" |
*
* @param {Refused_ReloadInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const refused_reload: ((inputs?: Refused_ReloadInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Refused_ReloadInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Refused_ReloadInputs = {};
