package dev.baton.ui.data;

/** What a {@link DataGrid} shows: rows in the order shown, columns with a name and a line of detail. */
interface GridModel {

    int rowCount();

    int columnCount();

    String name(int column);

    /** The header's second line: type, missing count. */
    String detail(int column);

    boolean numeric(int column);

    /** The text of the cell at a shown row, or null when the value is missing. */
    String text(int row, int column);

    /** The number the row carries in the dataset (1-based), whatever the order shown. */
    int rowNumber(int row);

    GridModel EMPTY = new GridModel() {
        @Override
        public int rowCount() {
            return 0;
        }

        @Override
        public int columnCount() {
            return 0;
        }

        @Override
        public String name(int column) {
            throw new IndexOutOfBoundsException(column);
        }

        @Override
        public String detail(int column) {
            throw new IndexOutOfBoundsException(column);
        }

        @Override
        public boolean numeric(int column) {
            return false;
        }

        @Override
        public String text(int row, int column) {
            throw new IndexOutOfBoundsException(row);
        }

        @Override
        public int rowNumber(int row) {
            return row + 1;
        }
    };
}
