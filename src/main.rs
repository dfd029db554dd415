fn main() -> anyhow::Result<()> {
    rapport::cli::run()
}
