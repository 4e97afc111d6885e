// Compute module.
