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

/* Colours: how many, whether they are RGB values or can be redefined, and the extended
   (int-numbered) colours and pairs where this ncurses has them. */
static inline int copydesk_colors(void) { return COLORS; }
static inline int copydesk_color_pairs(void) { return COLOR_PAIRS; }
static inline int copydesk_has_direct_color(void) { return tigetflag("RGB") > 0 || COLORS >= 0x1000000; }
/* r, g and b from 0 to 255, scaled up to curses' 0-1000 so that terminfo's scaling back gives them again. */
static inline int copydesk_define_color(int number, int r, int g, int b) {
    int R = (r * 1000 + 254) / 255, G = (g * 1000 + 254) / 255, B = (b * 1000 + 254) / 255;
#if NCURSES_EXT_COLORS
    return init_extended_color(number, R, G, B);
#else
    return init_color((short)number, (short)R, (short)G, (short)B);
#endif
}
static inline int copydesk_init_pair(int pair, int fg, int bg) {
#if NCURSES_EXT_COLORS
    return init_extended_pair(pair, fg, bg);
#else
    return init_pair((short)pair, (short)fg, (short)bg);
#endif
}
/* Attributes and a colour pair, the pair passed as an int where pairs may pass 32767. */
static inline int copydesk_attr_set(int a, int pair) {
#if NCURSES_EXT_COLORS
    return attr_set((attr_t)a, (short)(pair < 32768 ? pair : 0), &pair);
#else
    return attr_set((attr_t)a, (short)pair, NULL);
#endif
}
#endif
