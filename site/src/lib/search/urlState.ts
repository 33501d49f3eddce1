/** Moved to content-models/search/ so the CMS answers searches without JavaScript with the same code. */
export * from '../../../../content-models/search/urlState'
