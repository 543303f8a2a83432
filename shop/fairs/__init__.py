"""Trade-fair catalogs: fairs, their booths and curated products, pages, PDF and XLSX."""
