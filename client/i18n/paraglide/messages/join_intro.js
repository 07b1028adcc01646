/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Join_IntroInputs */

const en_join_intro = /** @type {(inputs: Join_IntroInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Type the code on the screen and the name the room will see.`)
};

const de_join_intro = /** @type {(inputs: Join_IntroInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Geben Sie den Code vom Bildschirm ein und den Namen, den die Runde sehen soll.`)
};

const fr_join_intro = /** @type {(inputs: Join_IntroInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Saisissez le code affiché à l’écran et le nom que le groupe verra.`)
};

/**
* | output |
* | --- |
* | "Type the code on the screen and the name the room will see." |
*
* @param {Join_IntroInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_intro = /** @type {((inputs?: Join_IntroInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Join_IntroInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_join_intro(inputs)
	if (locale === "fr") return fr_join_intro(inputs)
	return en_join_intro(inputs)
});