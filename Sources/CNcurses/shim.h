#ifndef COPYDESK_CNCURSES_SHIM_H
#define COPYDESK_CNCURSES_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Macros and variadic functions that Swift cannot import, as plain functions. */
static inline int copydesk_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int copydesk_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int copydesk_getcury(WINDOW *w) { return getcury(w); }
static inline int copydesk_getcurx(WINDOW *w) { return getcurx(w); }
static inline int copydesk_color_pair(int n) { return COLOR_PAIR(n); }
static inline WINDOW *copydesk_stdscr(void) { return stdscr; }
static inline int copydesk_mvaddstr(int y, int x, const char *s) { return mvaddstr(y, x, s); }
static inline int copydesk_attron(int a) { return attron(a); }
static inline int copydesk_attroff(int a) { return attroff(a); }
static inline int copydesk_key_resize(void) { return KEY_RESIZE; }
static inline int copydesk_a_bold(void) { return (int)A_BOLD; }
static inline int copydesk_a_reverse(void) { return (int)A_REVERSE; }
static inline int copydesk_attrset(int a) { return attrset(a); }
static inline int copydesk_a_underline(void) { return (int)A_UNDERLINE; }
static inline int copydesk_a_dim(void) { return (int)A_DIM; }
static inline int copydesk_a_normal(void) { return (int)A_NORMAL; }
static inline void copydesk_timeout(int ms) { wtimeout(stdscr, ms); }
static inline int copydesk_key_code_yes(void) { return KEY_CODE_YES; }
static inline int copydesk_key_mouse(void) { return KEY_MOUSE; }
static inline int copydesk_err(void) { return ERR; }
static inline unsigned long copydesk_mouse_clicks(void) { return (unsigned long)(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED); }
static inline int copydesk_mouse_event(int *y, int *x) { MEVENT e; if (getmouse(&e) != OK) return 0; *y = e.y; *x = e.x; return 1; }
static inline int copydesk_set_escdelay(int ms) { return set_escdelay(ms); }
static inline int copydesk_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
#endif
