"""The lowest layer: Danish number and word formats, slugs, the site's addresses and download names; pure text, importing nothing of the site."""
