/**
* | output |
* | --- |
* | "That name is made only of invisible characters. Type a name the room can read." |
*
* @param {Join_Invisible_NameInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_invisible_name: ((inputs?: Join_Invisible_NameInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Join_Invisible_NameInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Join_Invisible_NameInputs = {};
