/** The federal programme whose model projects the data import brings in. */
export const MODEL_PROJECTS_PROGRAMME = 'Modellprojekte Smart Cities';
/** Its key among the programmes (Query.programme). */
export const MODEL_PROJECTS_PROGRAMME_ID = 'modellprojekte-smart-cities';
