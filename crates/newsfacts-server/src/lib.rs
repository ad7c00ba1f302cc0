//! The newsfacts web server (being written).
