/**
* | output |
* | --- |
* | "You offered · take it back" |
*
* @param {Volunteer_OfferedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const volunteer_offered: ((inputs?: Volunteer_OfferedInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Volunteer_OfferedInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Volunteer_OfferedInputs = {};
