/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Sync_ConnectingInputs */

const en_sync_connecting = /** @type {(inputs: Sync_ConnectingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Connecting…`)
};

const de_sync_connecting = /** @type {(inputs: Sync_ConnectingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Verbinde…`)
};

const fr_sync_connecting = /** @type {(inputs: Sync_ConnectingInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Connexion…`)
};

/**
* | output |
* | --- |
* | "Connecting…" |
*
* @param {Sync_ConnectingInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const sync_connecting = /** @type {((inputs?: Sync_ConnectingInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Sync_ConnectingInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_sync_connecting(inputs)
	if (locale === "fr") return fr_sync_connecting(inputs)
	return en_sync_connecting(inputs)
});