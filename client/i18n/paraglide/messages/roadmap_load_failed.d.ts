/**
* | output |
* | --- |
* | "The roadmap could not load. Check your connection and reload the page." |
*
* @param {Roadmap_Load_FailedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const roadmap_load_failed: ((inputs?: Roadmap_Load_FailedInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Roadmap_Load_FailedInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Roadmap_Load_FailedInputs = {};
