/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} App_ConnectingInputs */

const en_app_connecting = /** @type {(inputs: App_ConnectingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Connecting to the workshop…`)
};

const de_app_connecting = /** @type {(inputs: App_ConnectingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Verbindung zum Workshop wird hergestellt…`)
};

const fr_app_connecting = /** @type {(inputs: App_ConnectingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Connexion à l’atelier…`)
};

/**
* | output |
* | --- |
* | "Connecting to the workshop…" |
*
* @param {App_ConnectingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_connecting = /** @type {((inputs?: App_ConnectingInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<App_ConnectingInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_app_connecting(inputs)
	if (locale === "fr") return fr_app_connecting(inputs)
	return en_app_connecting(inputs)
});