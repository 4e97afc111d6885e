// ModelFormats module.
