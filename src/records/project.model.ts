/** The federal programme whose model projects the data import brings in. */
export const MODEL_PROJECTS_PROGRAMME = 'Modellprojekte Smart Cities';
