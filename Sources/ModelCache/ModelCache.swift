// ModelCache module.
