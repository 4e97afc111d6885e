import BrandKit
