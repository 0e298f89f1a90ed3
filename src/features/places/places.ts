import { oncePerDatabase } from '../../db/once.ts';
import { listMunicipalities } from './places.repository.ts';

/** All municipalities by name, read once: reference data the search form lists on every page. */
export const municipalityList = oncePerDatabase(listMunicipalities);
