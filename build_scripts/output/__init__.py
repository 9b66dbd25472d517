"""Writing the site: the generated pages into the engine's output, its search index, sitemap, policy and files."""
