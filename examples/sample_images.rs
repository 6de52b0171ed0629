//! Makes the sample workspace's letterhead, signature and stamp from their Typst sources
//! in `assets/sample/src/`, drawn by Typst's own renderer with the app's fonts, and writes
//! them as PNG files to `assets/sample/` (the app copies them into a new sample workspace):
//!
//! ```sh
//! cargo run --release --example sample_images
//! ```

use marz::pdf::PageImage;
use typst_as_lib::TypstEngine;
use typst_layout::PagedDocument;

static FONTS: [&[u8]; 2] = [
    include_bytes!("../assets/fonts/Vazirmatn-Regular.ttf"),
    include_bytes!("../assets/fonts/Vazirmatn-Bold.ttf"),
];

/// (source, output, pixels per point): 150 dpi for the full page, 300 dpi for the small
/// images that print at their own size.
const IMAGES: [(&str, &str, f64); 3] = [
    ("letterhead.typ", "letterhead.png", 150.0 / 72.0),
    ("signature.typ", "signature.png", 300.0 / 72.0),
    ("stamp.typ", "stamp.png", 300.0 / 72.0),
];

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    for (source, output, scale) in IMAGES {
        let text = std::fs::read_to_string(dir.join("src").join(source))
            .unwrap_or_else(|e| panic!("{source}: {e}"));
        let engine = TypstEngine::builder().main_file(text).fonts(FONTS).build();
        let document: PagedDocument = engine
            .compile()
            .output
            .unwrap_or_else(|e| panic!("{source}: {e}"));
        let page = &document.pages()[0];
        let pixmap = typst_render::render(
            page,
            &typst_render::RenderOptions {
                pixel_per_pt: typst::utils::Scalar::new(scale),
                render_bleed: false,
            },
        );
        let image = PageImage {
            width: pixmap.width(),
            height: pixmap.height(),
            rgba: pixmap
                .pixels()
                .iter()
                .flat_map(|p| {
                    let c = p.demultiply();
                    [c.red(), c.green(), c.blue(), c.alpha()]
                })
                .collect(),
        };
        let path = dir.join(output);
        std::fs::write(&path, image.to_png()).unwrap_or_else(|e| panic!("{output}: {e}"));
        println!("{} ({} × {})", path.display(), image.width, image.height);
    }
}
